package io.meridian.pool;

/**
 * The client of a generic pool: nothing to connect to, only the pool's workers. Jobs go to
 * {@link OutgoingPool#submit(Object, PoolCall)}.
 */
public record GenericWorkers() {

	/** Generic pools take no connection options. */
	public record Connection() {
	}

	static final class Factory implements PoolClientFactory<GenericWorkers, Connection> {

		@Override
		public PoolType type() {
			return PoolType.GENERIC;
		}

		@Override
		public Class<Connection> connectionType() {
			return Connection.class;
		}

		@Override
		public GenericWorkers create(PoolDefinition definition, Connection connection) {
			return new GenericWorkers();
		}

		@Override
		public void check(GenericWorkers client) {
		}

		@Override
		public void close(GenericWorkers client) {
		}

	}

}
