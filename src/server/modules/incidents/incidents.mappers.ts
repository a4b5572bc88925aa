import type { z } from 'zod';
import type { Incident } from '../../../contracts/incidents';
import type { IncidentClocks } from './incident-clocks';
import type { IncidentWithOrg } from './incidents.repository';

type Out = z.infer<typeof Incident>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An incident row and its clocks as the API shows them. */
export function toIncident(r: IncidentWithOrg, c: IncidentClocks, now: Date): Out {
  return {
    id: r.id,
    ref: r.ref,
    orgId: r.orgId,
    orgName: r.orgName,
    provinceCode: r.provinceCode,
    practice: r.practice,
    drillId: r.drillId,
    title: r.title,
    type: r.type as Out['type'],
    sector: r.sector as Out['sector'],
    dataLevels: r.dataLevels as Out['dataLevels'],
    dataAssetIds: r.dataAssetIds,
    harm: r.harm as Out['harm'],
    piRecords: r.piRecords,
    sensitivePiRecords: r.sensitivePiRecords,
    directLossYuan: r.directLossYuan,
    outageHours: r.outageHours,
    productionImpact: r.productionImpact as Out['productionImpact'],
    systemsAffected: r.systemsAffected,
    tier: r.tier as Out['tier'],
    status: r.status as Out['status'],
    discoveredAt: r.discoveredAt.toISOString(),
    reportedAt: r.reportedAt.toISOString(),
    ministryClockStartedAt: iso(r.ministryClockStartedAt),
    usersNotifiedAt: iso(r.usersNotifiedAt),
    individualsAtRisk: (r.piRecords ?? 0) > 0 || (r.sensitivePiRecords ?? 0) > 0,
    closedAt: iso(r.closedAt),
    clocks: c.clocks.map((k) => ({
      ...k,
      startedAt: k.startedAt.toISOString(),
      dueAt: k.dueAt.toISOString(),
      doneAt: iso(k.doneAt),
      escalatedAt: iso(k.escalatedAt),
      remainingMs: k.doneAt ? null : k.dueAt.getTime() - now.getTime(),
    })),
    dutyRota: c.dutyRota,
  };
}
