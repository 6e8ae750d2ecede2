/**
 * Temperature (and other value) schedules: the value at index t of DESIGN.md's schedule table.
 * Pure schedules are immutable values built by validating factories; a run talks to its
 * {@link kelvin.agents.schedule.ScheduleRun}, which stateful schedules use to keep per-run state and
 * receive feedback.
 */
package kelvin.agents.schedule;
