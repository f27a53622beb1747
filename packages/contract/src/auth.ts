import { Type, type Static } from 'typebox';

/** The logged-in citizen as the browser may know them: no identity number, no tokens. */
export const User = Type.Object(
  {
    name: Type.String({ description: 'Full name from the identity provider.' }),
    givenName: Type.String(),
    familyName: Type.String(),
    kommun: Type.String(),
    expiresAt: Type.String({ format: 'date-time', description: 'When the session ends unless renewed.' }),
  },
  { $id: 'User' },
);
export type User = Static<typeof User>;

export const LoginQuery = Type.Object({
  return: Type.String({
    format: 'uri',
    maxLength: 2048,
    description: "Page to come back to after login; must be on one of the kommun's allowed origins.",
  }),
});
export type LoginQuery = Static<typeof LoginQuery>;

export const CallbackQuery = Type.Object({
  state: Type.String({ maxLength: 256 }),
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 1024 })),
  iss: Type.Optional(Type.String({ maxLength: 2048 })),
});
export type CallbackQuery = Static<typeof CallbackQuery>;
