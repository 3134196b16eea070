/**
 * Cloud Eye alarm rules under `/ces`, in both API versions a region may serve (the world's
 * `apiVersions` switch each off): v2 (otc-api.md §7.2; `offset` + `limit` 1-100, default 10,
 * total in `count`) and v1 (§7.1; `start` + `limit` 1-100, default 100, `meta_data.marker` =
 * the page's last alarm id, `total`). Both render the same world alarm.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type Shared, serve } from '../_route.ts'
import { jsonResponse } from '../errors.ts'
import { type LimitRule, markerPage, offsetPage, PagingError } from '../paging.ts'
import type { Alarm } from '../world/model.ts'

const CES: LimitRule = { defaultLimit: 10, max: 100, overMax: 'reject', min: 1 }

function alarmWire(a: Alarm): WireInput<'ces.ListAlarms'>['alarms'][number] {
  const notify =
    a.notifications.length > 0 ? [{ type: 'notification', notification_list: a.notifications }] : []
  return {
    alarm_id: a.id,
    name: a.name,
    description: '',
    namespace: a.namespace,
    type: a.dimensions.length === 0 ? 'ALL_INSTANCE' : 'MULTI_INSTANCE',
    enabled: a.enabled,
    notification_enabled: a.actionsEnabled,
    policies: [
      {
        metric_name: a.metric,
        period: 300,
        filter: 'average',
        comparison_operator: a.comparison,
        value: a.threshold,
        unit: a.unit,
        count: 3,
        suppress_duration: 0,
        level: a.level,
      },
    ],
    resources: [{ dimensions: a.dimensions }],
    alarm_notifications: notify,
    ok_notifications: notify,
    notification_begin_time: '00:00',
    notification_end_time: '23:59',
    enterprise_project_id: '0',
  }
}

const CES_V1: LimitRule = { defaultLimit: 100, max: 100, overMax: 'reject', min: 1 }

/** A v1 alarm rule (otc-api.md §7.1; camelCase `notificationList` as in the API). */
function alarmV1(a: Alarm): WireInput<'ces.ListAlarmsV1'>['metric_alarms'][number] {
  const actions = [{ type: 'notification', notificationList: a.notifications }]
  return {
    alarm_id: a.id,
    alarm_name: a.name,
    alarm_description: '',
    metric: { namespace: a.namespace, metric_name: a.metric, dimensions: a.dimensions },
    condition: {
      period: 300,
      filter: 'average',
      comparison_operator: a.comparison,
      value: a.threshold,
      unit: a.unit,
      count: 3,
      suppress_duration: 0,
    },
    alarm_enabled: a.enabled,
    alarm_level: a.level,
    alarm_action_enabled: a.actionsEnabled,
    alarm_actions: a.notifications.length > 0 ? actions : [],
    ok_actions: a.notifications.length > 0 ? actions : [],
    update_time: a.updatedAt,
    alarm_state: a.state,
  }
}

const v1Error = (status: number, details: string) =>
  jsonResponse(status, { http_code: String(status), message: { details, code: String(status) } })

const eq = (want: string | undefined, value: string) => want === undefined || want === value

/** Cloud Eye routes. */
export function cesRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world, index } = shared

  serve(app, shared, 'ces.ListAlarms', async (r) => {
    const limit = r.limit(CES)
    const resourceId = r.q('resource_id')
    const [alarmId, name, namespace] = ['alarm_id', 'name', 'namespace'].map((k) => r.q(k))
    const all = index.inProject(world.alarms, r.project.id)
    const unfiltered = [alarmId, name, namespace, resourceId].every((f) => f === undefined)
    const items = unfiltered
      ? all
      : all.filter(
          (a) =>
            eq(alarmId, a.id) &&
            eq(name, a.name) &&
            eq(namespace, a.namespace) &&
            (resourceId === undefined || a.dimensions.some((d) => d.value === resourceId)),
        )
    const { page } = offsetPage(items, r.q('offset'), limit)
    return { alarms: r.wireList(page, alarmWire), count: items.length }
  })

  // The marker is the page's last alarm id on every page, the last one included (otc-api.md
  // §7.1: "last alarm_id → pass as start"); a client ends by `total` or an empty page.
  serve(app, shared, 'ces.ListAlarmsV1', async (r) => {
    try {
      const limit = r.limit(CES_V1)
      const items = index.inProject(world.alarms, r.project.id)
      const { page } = markerPage(items, (a) => a.id, r.q('start'), limit)
      return {
        metric_alarms: r.wireList(page, alarmV1),
        meta_data: { count: page.length, marker: page.at(-1)?.id ?? '', total: items.length },
      }
    } catch (err) {
      if (err instanceof PagingError) return v1Error(400, err.message)
      throw err
    }
  })

  return app
}
