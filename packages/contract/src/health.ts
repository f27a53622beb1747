import { Type, type Static } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') }, { $id: 'Health' });
export type Health = Static<typeof Health>;

export const Readiness = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
    database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  },
  { $id: 'Readiness' },
);
export type Readiness = Static<typeof Readiness>;
