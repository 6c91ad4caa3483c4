/**
 * Drawing the inputs of a Monte Carlo run (docs/model.md section 1), in the style of Apache Commons RNG.
 *
 * <ul>
 * <li>{@link dev.payback.sampling.Samplers#of} builds a small immutable {@link dev.payback.sampling.Sampler}
 *     per distribution form (gamma-ratio PERT, ziggurat normal, alias-method discrete, ...); the engine's
 *     {@link dev.payback.sampling.InputSampler} draws independent PERT inputs faster, by inverting a
 *     ziggurat normal through the PERT table ({@code PertTableSampler}).</li>
 * <li>{@link dev.payback.sampling.SamplingMethod}: random (default), Latin hypercube per block, or
 *     Cranley–Patterson-shifted Sobol'; the last two map uniforms through the inverse CDFs.</li>
 * <li>{@link dev.payback.sampling.InverseCdf#of} builds the quantile function and exact CDF of a form;
 *     the Gaussian copula maps normal scores through {@link dev.payback.sampling.InverseCdf#atZ}.</li>
 * <li>{@link dev.payback.sampling.InputSampler} is built once per run: it validates the correlations,
 *     groups correlated inputs, Cholesky-factors each group once, and its per-thread
 *     {@link dev.payback.sampling.InputSampler.Worker}s fill primitive columns block by block, with no
 *     allocation per trial and with values that depend only on (seed, block, path, distribution, group).</li>
 * <li>{@link dev.payback.sampling.Streams} derives every random stream (seed, block, key) the same way,
 *     for other code (pilot weighting, sweeps) that needs its own reproducible streams.</li>
 * </ul>
 */
package dev.payback.sampling;
