/**
 * Metrics: what a run records at each checkpoint, one class per metric. A {@link
 * kelvin.experiments.metric.Metric} says how it reads a bandit step ({@link
 * kelvin.experiments.metric.BanditStep}) or a tabular episode ({@link
 * kelvin.experiments.metric.Episode}) and how charts show it; the simulation aggregates its values
 * over runs. Built-ins and plug-ins are declared alike ({@link kelvin.api.Component} of kind
 * {@link kelvin.api.Kind#METRIC}).
 */
package kelvin.experiments.metric;
