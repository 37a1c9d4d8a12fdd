import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, CommandOutcome, commandDate, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
import { Json } from '@app/kernel';
import { AccessRegistry } from '@app/platform';
import { trustedIssuerDecider } from '../domain/trusted-issuer.decider';
import { TRUSTED_ISSUERS_STREAM } from '../domain/trusted-issuer.events';
import { TrustedIssuerRegistry } from './trusted-issuer-registry';

export interface RegisterTrustedIssuerInput {
  did: string;
  name: string;
  institutionId: string;
  didDocument?: { [key: string]: Json };
  publicKeyMultibase?: string;
  creditUnit?: string;
}

/**
 * RegisterTrustedIssuer (POST /trusted-issuers) and RetireTrustedIssuer (POST
 * /trusted-issuers/:id/retirement) on the `trusted-issuers` stream. The handler reads whether the
 * institution is registered (access registry); the decider decides. After a write the directory
 * is refreshed, so the next request (a verification) sees it.
 */
@Injectable()
export class TrustedIssuerCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessRegistry,
    private readonly registry: TrustedIssuerRegistry,
  ) {}

  async register(input: RegisterTrustedIssuerInput, ctx: CommandContext): Promise<{ id: string; outcome: CommandOutcome }> {
    await this.access.refresh();
    const trustedIssuerId = idFor(ctx, 'trusted-issuer');
    const command = {
      kind: 'RegisterTrustedIssuer' as const,
      trustedIssuerId,
      actor: { institutionId: ctx.actor.institutionId, role: ctx.actor.role },
      did: input.did,
      name: input.name,
      institutionId: input.institutionId,
      didDocument: input.didDocument,
      publicKeyMultibase: input.publicKeyMultibase,
      creditUnit: input.creditUnit ?? null,
      institutionRegistered: Boolean(this.access.institution(input.institutionId)),
      registeredOn: commandDate(ctx),
    };
    const outcome = await runCommand(this.store, trustedIssuerDecider, TRUSTED_ISSUERS_STREAM, command, ctx, { resource: { type: 'trusted-issuer registry', id: 'trusted-issuers' } });
    await this.registry.refresh();
    // A replayed request names the entry its first attempt created.
    const stored = outcome.events[0]?.data.trustedIssuerId;
    return { id: typeof stored === 'string' ? stored : trustedIssuerId, outcome };
  }

  async retire(trustedIssuerId: string, reason: string, ctx: CommandContext): Promise<{ id: string; outcome: CommandOutcome }> {
    const command = { kind: 'RetireTrustedIssuer' as const, trustedIssuerId, actor: { institutionId: ctx.actor.institutionId, role: ctx.actor.role }, reason, retiredOn: commandDate(ctx) };
    const outcome = await runCommand(this.store, trustedIssuerDecider, TRUSTED_ISSUERS_STREAM, command, ctx, { resource: { type: 'trusted issuer', id: trustedIssuerId } });
    await this.registry.refresh();
    return { id: trustedIssuerId, outcome };
  }
}
