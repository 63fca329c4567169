/** The sweep report as `npm run sweep` prints it: per domain and sweep, then the totals. */
import type { SweepReport } from '#shared/domain/sweeps.ts';

export function formatSweepReport(report: SweepReport): string {
  const verb = report.dryRun ? 'would be' : 'were';
  const lines = [`Sweeps at ${report.at}${report.dryRun ? ' (dry run: nothing changed)' : ''}${report.complete ? '' : ' (stopped early; the next run goes on)'}`];
  const names = (people: { name: string; email: string }[]) => (people.length ? `: ${people.map((p) => `${p.name} <${p.email}>`).join(', ')}` : '');
  for (const d of report.domains) {
    lines.push(`\n${d.name} (${d.domainId})`);
    lines.push(`  stale members ${verb} deactivated: ${d.deactivated.length}${names(d.deactivated)}`);
    if (d.keptLastAdmin.length) lines.push(`  stale but kept (last administrator): ${d.keptLastAdmin.length}${names(d.keptLastAdmin)}`);
    lines.push(`  pending registrations ${verb} removed: ${d.registrationsRemoved.length}${names(d.registrationsRemoved)}`);
    if (d.digestSentTo.length) lines.push(`  digest sent to: ${d.digestSentTo.join(', ')}`);
    lines.push(`  access review due ${d.reviewDueAt}: ${d.reminderSentTo.length ? `reminder ${report.dryRun ? 'would go' : 'sent'} to ${d.reminderSentTo.join(', ')}` : 'no reminder'}`);
  }
  lines.push(`\nusers without a membership for 30 days ${verb} deleted: ${report.usersDeleted.length}${names(report.usersDeleted)}`);
  lines.push(`items read: ${report.itemsRead}, items written: ${report.itemsWritten}`);
  return lines.join('\n');
}
