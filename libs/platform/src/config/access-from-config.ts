import { DynamicModule } from '@nestjs/common';
import { AccessModule, AccessModuleOptions } from '../access/access.module';

/**
 * `AccessModule.forRoot` with ADMIN_TOKEN from the validated configuration. Module options are
 * fixed when the root module is declared, so this reads the variable then: list it AFTER
 * `PlatformModule.forRoot(...)` in `imports`, whose configuration step has by then validated
 * ADMIN_TOKEN and copied it (from `.env` too) into process.env.
 */
export function accessFromConfig(options: Omit<AccessModuleOptions, 'adminToken'> = {}): DynamicModule {
  const adminToken = process.env.ADMIN_TOKEN?.trim();
  return AccessModule.forRoot({ ...options, ...(adminToken ? { adminToken } : {}) });
}
