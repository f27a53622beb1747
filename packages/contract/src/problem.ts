import { Type, type Static } from 'typebox';

export { problemMediaType, problemTypes, type ProblemType } from './routes.js';


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
