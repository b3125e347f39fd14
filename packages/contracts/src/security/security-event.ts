import { z } from 'zod';

export const securityEventListInputSchema = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });

export const securityEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(['login_failed']),
  username: z.string(),
  clientIp: z.string(),
  detail: z.string(),
});
export type SecurityEventView = z.infer<typeof securityEventSchema>;
