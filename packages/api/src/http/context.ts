// What the routes share: the services they call, the configuration, the folder of uploads.
import type { ApiConfig } from '../config.js';
import type { ApiServices } from '../services/services.js';

export interface ApiContext {
  config: ApiConfig;
  services: ApiServices;
  /** Where uploads are written while they are analysed. */
  uploadsDir: string;
}
