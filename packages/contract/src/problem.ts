import { Type, type Static } from 'typebox';

/**
 * Stable problem types (RFC 9457 `type`). They are URNs so that they stay valid and unique
 * without a web page behind them; clients branch on `type`, never on `title`.
 */
export const problemTypes = {
  validation: 'urn:kommunkit:problem:validation',
  unauthenticated: 'urn:kommunkit:problem:unauthenticated',
  forbidden: 'urn:kommunkit:problem:forbidden',
  csrf: 'urn:kommunkit:problem:csrf',
  notFound: 'urn:kommunkit:problem:not-found',
  unknownKommun: 'urn:kommunkit:problem:unknown-kommun',
  serviceDisabled: 'urn:kommunkit:problem:service-disabled',
  methodNotAllowed: 'urn:kommunkit:problem:method-not-allowed',
  payloadTooLarge: 'urn:kommunkit:problem:payload-too-large',
  unsupportedMediaType: 'urn:kommunkit:problem:unsupported-media-type',
  rateLimited: 'urn:kommunkit:problem:rate-limited',
  conflict: 'urn:kommunkit:problem:conflict',
  loginFailed: 'urn:kommunkit:problem:login-failed',
  unavailable: 'urn:kommunkit:problem:unavailable',
  internal: 'urn:kommunkit:problem:internal',
} as const;

export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];

export const FieldError = Type.Object(
  {
    /** JSON Pointer (RFC 6901) to the field in the request, e.g. `/body/data`. */
    pointer: Type.String(),
    /** Swedish message for the citizen. */
    detail: Type.String(),
  },
  { $id: 'FieldError' },
);
export type FieldError = Static<typeof FieldError>;

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'Stable URN naming the kind of problem.' }),
    title: Type.String({ description: 'Short Swedish summary, the same for every problem of this type.' }),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String({ description: 'Swedish explanation of this occurrence.' })),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError, { description: 'One entry per invalid field.' })),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details, served as application/problem+json.' },
);
export type Problem = Static<typeof Problem>;

export const problemMediaType = 'application/problem+json';
