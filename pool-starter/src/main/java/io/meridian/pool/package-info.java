/**
 * Outgoing pools in the manner of MongooseIM's {@code outgoing_pools}: one registry of typed
 * clients looked up by (type, host, tag).
 */
package io.meridian.pool;
