package io.meridian.admin.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

import io.meridian.admin.AdminProperties;

/**
 * The channels to the services, one per {@link Backend}, with the address and deadline each was
 * configured with. Channels connect lazily and reconnect on their own, so admin-api starts
 * while a service is down and answers 503 until it is back.
 */
public class BackendChannels implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BackendChannels.class);

	private static final String STATIC_SCHEME = "static://";

	private final Map<Backend, ManagedChannel> channels = new EnumMap<>(Backend.class);

	private final Map<Backend, AdminProperties.Backend> settings = new EnumMap<>(Backend.class);

	public BackendChannels(AdminProperties properties) {
		this.settings.put(Backend.GATEWAY, properties.gateway());
		this.settings.put(Backend.DOMAIN_SERVICE, properties.domainService());
		this.settings.forEach((backend, config) -> {
			this.channels.put(backend, open(backend, config.address()));
			log.info("{} at {} (plaintext gRPC, deadline {})", backend.displayName(), config.address(), config.deadline());
		});
	}

	public ManagedChannel channel(Backend backend) {
		return this.channels.get(backend);
	}

	public String address(Backend backend) {
		return this.settings.get(backend).address();
	}

	public Duration deadline(Backend backend) {
		return this.settings.get(backend).deadline();
	}

	/**
	 * A channel to {@code host:port}, {@code static://host:port} (the same, as Spring gRPC
	 * writes it) or a gRPC target URI with its name resolver, {@code dns:///host:port}.
	 */
	static ManagedChannel open(Backend backend, String address) {
		if (address.startsWith(STATIC_SCHEME) || !address.contains(":/")) {
			HostAndPort target = HostAndPort.parse(backend, address.startsWith(STATIC_SCHEME) ? address.substring(STATIC_SCHEME.length()) : address);
			return NettyChannelBuilder.forAddress(target.host(), target.port()).usePlaintext().build();
		}
		return NettyChannelBuilder.forTarget(address).usePlaintext().build();
	}

	@Override
	public void destroy() throws InterruptedException {
		for (ManagedChannel channel : this.channels.values()) {
			channel.shutdown();
		}
		for (ManagedChannel channel : this.channels.values()) {
			if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
				channel.shutdownNow();
			}
		}
	}

	/** @param host a name or address, IPv6 without brackets */
	record HostAndPort(String host, int port) {

		static HostAndPort parse(Backend backend, String text) {
			try {
				URI uri = new URI(null, text, null, null, null).parseServerAuthority();
				if (uri.getHost() == null || uri.getPort() < 1) {
					throw new URISyntaxException(text, "no host or port");
				}
				String host = uri.getHost();
				return new HostAndPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, uri.getPort());
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException("meridian.admin." + backend.displayName() + ".address must be host:port, "
						+ "static://host:port or a gRPC target URI such as dns:///host:port, was '" + text + "'");
			}
		}

	}

}
