/**
 * Drawing the inputs of a Monte Carlo run (MODEL.md section 1), in the style of Apache Commons RNG.
 *
 * <ul>
 * <li>{@link dev.payback.sampling.Samplers#of} builds a small immutable {@link dev.payback.sampling.Sampler}
 *     per distribution form (gamma-ratio PERT, ziggurat normal, alias-method discrete, ...).</li>
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
