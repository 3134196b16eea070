/**
 * Selects part of the responsibility model (one service model or one service) and turns it into
 * the public matrix document that `sphere matrix --format json` prints.
 * @module
 */
import type {
  Duty,
  Layer,
  ModelId,
  Owner,
  ResponsibilityModel,
  Service,
  ServiceModel,
} from './schema.ts'

/** What the user asked to see. */
export interface MatrixSelection {
  model?: ModelId
  service?: string
}

/** The part of the model a selection covers; renderers take this. */
export interface MatrixView {
  version: string
  selection: { model: ModelId | null; service: string | null }
  /** Layers bottom to top. */
  layers: Layer[]
  models: ServiceModel[]
  services: Service[]
  duties: Duty[]
  /** Set when one service was selected. */
  service: Service | null
}

/** Thrown for a model or service id that does not exist; lists the valid values. */
export class UnknownSelectionError extends Error {
  constructor(
    readonly what: 'model' | 'service',
    readonly value: string,
    readonly valid: string[],
  ) {
    super(`unknown ${what} "${value}"; expected one of: ${valid.join(', ')}`)
    this.name = 'UnknownSelectionError'
  }
}

/** Resolves a selection against the model. */
export function selectMatrix(model: ResponsibilityModel, sel: MatrixSelection = {}): MatrixView {
  let service: Service | null = null
  if (sel.service !== undefined) {
    service = model.services.find((s) => s.id === sel.service) ?? null
    if (!service)
      throw new UnknownSelectionError(
        'service',
        sel.service,
        model.services.map((s) => s.id),
      )
  }
  if (sel.model !== undefined && !model.models.some((m) => m.id === sel.model)) {
    throw new UnknownSelectionError(
      'model',
      sel.model,
      model.models.map((m) => m.id),
    )
  }
  const modelId = service?.model ?? sel.model
  const models = modelId ? model.models.filter((m) => m.id === modelId) : model.models
  const services = service
    ? [service]
    : modelId
      ? model.services.filter((s) => s.model === modelId)
      : model.services
  return {
    version: model.version,
    selection: { model: sel.model ?? null, service: sel.service ?? null },
    layers: model.layers,
    models,
    services,
    duties: model.duties,
    service,
  }
}

/** The owner of a duty for the selection: for a service, the duty's layer owner on that service wins where it moved. */
export function dutyOwner(duty: Duty, model: ModelId, service: Service | null): Owner {
  const base = duty.owner[model]
  if (!service || duty.kind === 'provider') return base
  return service.overrides[duty.layer]?.owner ?? base
}

/** Duties a customer has to act on in the selection (owner customer or shared), in file order. */
export function customerDuties(view: MatrixView): Duty[] {
  return view.duties.filter(
    (d) =>
      d.kind === 'customer' &&
      view.models.some((m) => dutyOwner(d, m.id, view.service) !== 'provider'),
  )
}
