/**
 * Temperature (and other value) schedules: the value at index t of the schedule table in the README's config reference.
 * Pure schedules are immutable values built by validating factories; a run talks to its
 * {@link kelvin.agents.schedule.ScheduleRun}, which stateful schedules use to keep per-run state and
 * receive feedback: {@link kelvin.agents.schedule.SimulatedAnnealing} (reheats when the reward
 * stalls) and {@link kelvin.agents.schedule.EntropyTarget} (moves log T towards a target entropy).
 * Policies start their schedule with {@link kelvin.agents.schedule.Schedule#newRun(int)}, passing
 * the number of actions.
 */
package kelvin.agents.schedule;
