import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessController } from './api/access.controller';
import { AccessGuard } from './auth/access.guard';
import { AccessRegistry } from './auth/access-registry';
import { AuthFailureLimiter } from './auth/auth-failure-limiter';
import { ADMIN_TOKEN, BootstrapAdmin } from './auth/bootstrap-admin';

export interface AccessModuleOptions {
  /** ADMIN_TOKEN from configuration, if any. */
  adminToken?: string;
  /** Serve the provisioning API (institutions, credentials). Off in services that only read. */
  provisioningApi?: boolean;
}

/** Authentication (bearer credentials), the global role guard, and admin provisioning. */
@Module({})
export class AccessModule {
  static forRoot(options: AccessModuleOptions = {}): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      controllers: options.provisioningApi === false ? [] : [AccessController],
      providers: [
        AccessRegistry,
        AuthFailureLimiter,
        BootstrapAdmin,
        { provide: ADMIN_TOKEN, useValue: options.adminToken },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessRegistry, AuthFailureLimiter],
    };
  }
}
