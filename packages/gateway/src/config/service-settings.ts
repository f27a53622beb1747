import type { Static, TSchema } from 'typebox';

/** A problem a cross-check found, at a key under `kommuner[i].services.<service>` ("forward"). */
export interface SettingsIssue {
  key: string;
  message: string;
}

/**
 * What a service contributes to the kommun config: the TypeBox schema of
 * `kommuner[].services.<service>`, and checks the schema cannot express (one field needed
 * when another has some value). The shared config schema composes these; it knows no service.
 */
export interface ServiceSettings<Schema extends TSchema = TSchema> {
  schema: Schema;
  check?: (settings: Static<Schema>) => SettingsIssue[];
}

export const defineSettings = <Schema extends TSchema>(settings: ServiceSettings<Schema>): ServiceSettings<Schema> => settings;
