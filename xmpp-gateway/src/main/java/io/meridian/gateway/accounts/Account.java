package io.meridian.gateway.accounts;

import java.time.Instant;

/**
 * An account as the admin API shows it; never its credentials.
 *
 * @param username the local part
 * @param domain the domain
 * @param banned whether it may not log in
 * @param banReason why it was banned, or null
 * @param createdAt when it was registered
 */
public record Account(String username, String domain, boolean banned, String banReason, Instant createdAt) {
}
