/**
 * {@code kelvin compare}: two results folders, or two variants, compared metric by metric with
 * Student's t (paired under common random numbers, Welch otherwise), as a difference report with
 * Holm's correction or as two one-sided tests of equivalence (TOST) against a margin; and
 * {@code kelvin power}: from the same per-run values of a pilot folder, the runs per variant a t
 * test needs to tell two variants apart.
 */
package kelvin.experiments.compare;
