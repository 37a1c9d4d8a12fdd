import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { AccessRegistry } from './access-registry';
import { Principal } from './principal';

/** `Authorization: Bearer ct_<credentialId>.<secret>` → the credential's Principal. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly registry: AccessRegistry) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    return (await this.registry.authenticate(token)) ?? false;
  }
}
