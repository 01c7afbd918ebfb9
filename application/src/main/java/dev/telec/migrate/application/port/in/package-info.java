/**
 * Public API: the use cases, one per verb ({@code MigrateUseCase}, {@code DryRunUseCase}, {@code StatusUseCase},
 * {@code ValidateUseCase}, {@code StampUseCase}, {@code MarkUseCase}, {@code RepairUseCase}), their commands, each
 * validated when it is built, their reports, the {@code StepSource} a command names and the {@code StepListener} a
 * run tells. {@code dev.telec.migrate.Telec} gives them wired; tests wire them over fakes. {@code RestoreUseCase} and
 * {@code FindAppProfile} serve the command line; {@code Telec} does not wire them yet.
 */
package dev.telec.migrate.application.port.in;
