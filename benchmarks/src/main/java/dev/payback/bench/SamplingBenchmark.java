package dev.payback.bench;

import dev.payback.sampling.InputSampler;
import dev.payback.scenario.Correlation;
import dev.payback.scenario.Dist;
import dev.payback.scenario.Domain;
import dev.payback.scenario.Input;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to fill one block of {@link InputSampler#BLOCK} trials for a scenario-like set of 30 inputs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplingBenchmark {

    /** Number of correlated pairs among the 30 inputs. */
    @Param({"0", "1", "5"})
    public int pairs;

    private InputSampler.Worker worker;
    private double[][] columns;
    private long[] clamps;
    private long block;

    @Setup
    public void setUp() throws InvalidInputException {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Dist d = switch (i % 3) {
                case 0 -> new Dist.Pert(0.08, 0.14, 0.22);
                case 1 -> new Dist.Lognormal(6, 20);
                default -> new Dist.Uniform(0.1, 0.3);
            };
            inputs.add(new Input("x." + i, d, Domain.NON_NEGATIVE, d.toString()));
        }
        List<Correlation> corr = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            corr.add(new Correlation("x." + (2 * p), "x." + (2 * p + 1), 0.5, Location.unknown("bench")));
        }
        InputSampler sampler = InputSampler.of(inputs, corr);
        worker = sampler.newWorker();
        columns = new double[sampler.size()][InputSampler.BLOCK];
        clamps = new long[sampler.size()];
    }

    @Benchmark
    public double fillBlock() {
        worker.fill(42, block++, InputSampler.BLOCK, columns, clamps);
        return columns[0][0];
    }
}
