package kelvin.experiments.lab;

import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;

/**
 * What every page of one lab shares: the components it may name (the built-ins and the plug-ins
 * given when the lab started, never more), the folder it works in, and the budget a submitted
 * config is checked against, as {@code kelvin run --budget} checks it.
 *
 * @param registry the components, plug-ins included
 * @param files the lab's folder
 * @param budget the work a submitted config may ask for
 */
public record LabContext(Registry registry, LabFiles files, Limits.Budget budget) {
}
