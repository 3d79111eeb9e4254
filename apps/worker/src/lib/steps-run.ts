/*
 * The activities a workflow run has completed, in order, read from its
 * history: activity tasks (ActivityTaskCompleted) and local activities (the
 * `core_local_activity` marker the SDK records in the workflow task). For
 * tests and for looking at a run by hand; the RMA workflow runs its short
 * steps locally since the rma-local-steps patch.
 */

export interface StepRun {
  name: string;
  /** A local activity, or an activity task through the server. */
  local: boolean;
}

const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** The part of a history event (as WorkflowHandle.fetchHistory gives it) read here. */
interface HistoryEvent {
  eventId?: unknown;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null } | null;
  activityTaskCompletedEventAttributes?: { scheduledEventId?: unknown } | null;
  markerRecordedEventAttributes?: { markerName?: string | null; failure?: unknown; details?: Record<string, { payloads?: { data?: Uint8Array | null }[] | null }> | null } | null;
}

export function stepsRun(history: { events?: HistoryEvent[] | null }): StepRun[] {
  const events = history.events ?? [];
  const scheduled = new Map(
    events.filter((e) => e.activityTaskScheduledEventAttributes).map((e) => [String(e.eventId), e.activityTaskScheduledEventAttributes!.activityType?.name ?? '?']),
  );
  return events.flatMap((e): StepRun[] => {
    const completed = e.activityTaskCompletedEventAttributes;
    if (completed) return [{ name: scheduled.get(String(completed.scheduledEventId)) ?? '?', local: false }];
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== LOCAL_ACTIVITY_MARKER || marker.failure) return [];
    const data = marker.details?.data?.payloads?.[0]?.data;
    const type = data ? (JSON.parse(new TextDecoder().decode(data)) as { activity_type?: string }).activity_type : undefined;
    return [{ name: type ?? '?', local: true }];
  });
}
