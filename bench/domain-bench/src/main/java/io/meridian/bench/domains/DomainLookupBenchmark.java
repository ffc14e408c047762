package io.meridian.bench.domains;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.meridian.gateway.domain.DomainTable;
import io.meridian.gateway.domain.HostedDomains;

/**
 * A domain lookup on the connection path: {@link HostedDomains#isServed} (every stream header,
 * every routed stanza's {@code to}) and {@link DomainTable#hostType}, for a domain served and one
 * that is not, with the table holding a few or many dynamic domains. The domain names are
 * separate strings from the table's keys, as a parsed header gives them; the mixed-case one
 * also pays for the case folding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainLookupBenchmark {

	@Param({ "10", "10000" })
	public int domains;

	private DomainTable table;

	private HostedDomains hosted;

	private String served;

	private String servedMixedCase;

	private String unknown;

	@Setup(Level.Trial)
	public void fill() {
		this.table = new DomainTable(Map.of("localhost", "localhost"), List.of("tenants"));
		for (int i = 0; i < this.domains; i++) {
			this.table.insert("tenant-" + i + ".example.com", "tenants");
		}
		this.hosted = this.table;
		this.served = new String("tenant-" + (this.domains / 2) + ".example.com");
		this.servedMixedCase = "Tenant-" + (this.domains / 2) + ".Example.com";
		this.unknown = new String("tenant-" + this.domains + ".example.com");
	}

	@Benchmark
	public boolean isServedHit() {
		return this.hosted.isServed(this.served);
	}

	@Benchmark
	public boolean isServedHitMixedCase() {
		return this.hosted.isServed(this.servedMixedCase);
	}

	@Benchmark
	public boolean isServedMiss() {
		return this.hosted.isServed(this.unknown);
	}

	@Benchmark
	public Optional<String> hostTypeHit() {
		return this.table.hostType(this.served);
	}

	@Benchmark
	public Optional<String> hostTypeMiss() {
		return this.table.hostType(this.unknown);
	}

}
