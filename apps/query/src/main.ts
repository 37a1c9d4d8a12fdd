import 'reflect-metadata';
import { bootstrap } from '@app/platform';
import { AppModule } from './app.module';

void bootstrap(AppModule, { openApi: { title: 'Credit transfer API: query service' } });
