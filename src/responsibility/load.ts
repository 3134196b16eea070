/**
 * Loads the responsibility model from its data files, validates each against its schema and
 * cross-checks the references between them. Every problem names the file and the path in it.
 * @module
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError, type InputIssue } from '../model/input-error.ts'
import { readYamlFile } from '../model/yaml-file.ts'
import {
  DutiesFile,
  type Duty,
  LayersFile,
  MODEL_IDS,
  type ModelId,
  ModelsFile,
  type ResponsibilityModel,
  type Service,
  ServicesFile,
} from './schema.ts'

/** The folder holding the shipped data files. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url))

/** Raised when the data files disagree with each other (unknown layer, missing owner …). */
function fail(file: string, issues: InputIssue[]): void {
  if (issues.length > 0) throw new InputError(file, issues)
}

function duplicates(ids: string[], path: (i: number) => string): InputIssue[] {
  const seen = new Set<string>()
  return ids.flatMap((id, i) => {
    if (seen.has(id)) return [{ path: path(i), message: `duplicate id "${id}"` }]
    seen.add(id)
    return []
  })
}

function unknownKeys(keys: string[], known: Set<string>, base: string, what: string): InputIssue[] {
  const list = [...known].join(', ')
  return keys
    .filter((k) => !known.has(k))
    .map((k) => ({
      path: `${base}.${k}`,
      message: `unknown ${what} "${k}"; expected one of: ${list}`,
    }))
}

/**
 * Reads and validates the model.
 * @param dir folder with `layers.yaml`, `models.yaml`, `services.yaml`, `duties.yaml`
 * @throws {InputError} naming the file and the path of every problem
 */
export function loadResponsibilityModel(dir: string = DEFAULT_DATA_DIR): ResponsibilityModel {
  const files = {
    layers: join(dir, 'layers.yaml'),
    models: join(dir, 'models.yaml'),
    services: join(dir, 'services.yaml'),
    duties: join(dir, 'duties.yaml'),
  }
  const { layers } = readYamlFile(files.layers, LayersFile)
  fail(
    files.layers,
    duplicates(
      layers.map((l) => l.id),
      (i) => `layers[${i}].id`,
    ),
  )
  const layerIds = new Set(layers.map((l) => l.id))

  const modelsDoc = readYamlFile(files.models, ModelsFile)
  const modelIssues = duplicates(
    modelsDoc.models.map((m) => m.id),
    (i) => `models[${i}].id`,
  )
  modelsDoc.models.forEach((m, i) => {
    const base = `models[${i}].owners`
    modelIssues.push(...unknownKeys(Object.keys(m.owners), layerIds, base, 'layer'))
    for (const l of layers) {
      if (!m.owners[l.id])
        modelIssues.push({
          path: `${base}.${l.id}`,
          message: 'missing: every layer needs an owner',
        })
    }
  })
  for (const id of MODEL_IDS) {
    if (!modelsDoc.models.some((m) => m.id === id))
      modelIssues.push({ path: 'models', message: `missing model "${id}"` })
  }
  fail(files.models, modelIssues)
  const models = [...modelsDoc.models].sort(
    (a, b) => MODEL_IDS.indexOf(a.id) - MODEL_IDS.indexOf(b.id),
  )
  const modelById = new Map(models.map((m) => [m.id as string, m]))

  const servicesDoc = readYamlFile(files.services, ServicesFile)
  const serviceIssues = duplicates(
    servicesDoc.services.map((s) => s.id),
    (i) => `services[${i}].id`,
  )
  const services: Service[] = []
  servicesDoc.services.forEach((s, i) => {
    const model = modelById.get(s.model)
    if (!model) {
      serviceIssues.push({
        path: `services[${i}].model`,
        message: `unknown model "${s.model}"; expected one of: ${MODEL_IDS.join(', ')}`,
      })
      return
    }
    const overrides = s.overrides ?? {}
    serviceIssues.push(
      ...unknownKeys(Object.keys(overrides), layerIds, `services[${i}].overrides`, 'layer'),
    )
    for (const [layer, o] of Object.entries(overrides)) {
      if (model.owners[layer]?.owner === o.owner) {
        serviceIssues.push({
          path: `services[${i}].overrides.${layer}`,
          message: `owner "${o.owner}" equals the ${model.id} default; list only layers that differ`,
        })
      }
    }
    services.push({ ...s, model: model.id, overrides, owners: { ...model.owners, ...overrides } })
  })
  fail(files.services, serviceIssues)

  const dutiesDoc = readYamlFile(files.duties, DutiesFile)
  const dutyIssues = duplicates(
    dutiesDoc.duties.map((d) => d.id),
    (i) => `duties[${i}].id`,
  )
  const duties: Duty[] = dutiesDoc.duties.map((d, i) => {
    const base = `duties[${i}]`
    if (!layerIds.has(d.layer))
      dutyIssues.push({
        path: `${base}.layer`,
        message: `unknown layer "${d.layer}"; expected one of: ${[...layerIds].join(', ')}`,
      })
    dutyIssues.push(
      ...unknownKeys(Object.keys(d.owner), new Set(MODEL_IDS), `${base}.owner`, 'model'),
    )
    for (const m of MODEL_IDS) {
      if (!d.owner[m])
        dutyIssues.push({
          path: `${base}.owner.${m}`,
          message: 'missing: every duty needs an owner in every model',
        })
    }
    if (d.kind === 'provider') {
      if (!d.attestations?.length)
        dutyIssues.push({
          path: `${base}.attestations`,
          message: 'a provider duty names the attestations a customer can point an auditor to',
        })
      if (d.checks.length > 0)
        dutyIssues.push({
          path: `${base}.checks`,
          message: 'a provider duty is evidenced by attestations, not checks',
        })
    }
    return {
      ...d,
      owner: d.owner as Record<ModelId, Duty['owner'][ModelId]>,
      attestations: d.attestations ?? [],
    }
  })
  dutyIssues.push(
    ...duplicates(
      duties.flatMap((d) => d.checks),
      () => 'duties[*].checks',
    ).map((x) => ({ ...x, message: `${x.message}: a check belongs to exactly one duty` })),
  )
  fail(files.duties, dutyIssues)

  return { version: modelsDoc.version, layers, models, services, duties }
}
