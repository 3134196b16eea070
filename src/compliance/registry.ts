/**
 * The compliance frameworks Sphere ships, one data file each in `data/`. Adding a framework (ISO/IEC
 * 27001:2022 Annex A, IT-Grundschutz OPS.2.2) is a YAML file there and one line here; a meta-test
 * keeps this list and the folder in step.
 * @module
 */

/** Framework id and its data file (in `data/`), in the order they are listed. */
export const FRAMEWORK_FILES: readonly { readonly id: string; readonly file: string }[] = [
  { id: 'c5-2020', file: 'c5-2020.yaml' },
  { id: 'ccm-v4', file: 'ccm-v4.yaml' },
]

/** The attestations file (in `data/`), shared by every framework. */
export const ATTESTATIONS_FILE = 'attestations.yaml'

/** The framework ids, for `--framework` and `--compliance`. */
export const FRAMEWORK_IDS: readonly string[] = FRAMEWORK_FILES.map((f) => f.id)
