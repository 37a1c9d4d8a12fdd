import { Module } from '@nestjs/common';

/**
 * The credentials context: verifying presented credentials (Open Badges 3.0, W3C VC 1.1/2.0,
 * VC-JWT, CLR 2.0) offline, the trusted-issuer and status-list registries, institution keys and
 * the recognition credentials the system issues. Needs EventStoreModule and AccessModule in the app.
 */
@Module({})
export class CredentialsModule {}
