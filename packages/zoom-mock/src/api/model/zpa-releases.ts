/** A firmware release for one vendor's appliance model. */
export interface FirmwareRelease {
  vendor: string;
  model: string;
  version: string;
  /** What Zoom warns about before installing it, if anything. */
  warn_info?: string;
}

/**
 * Firmware and Zoom app releases that Zoom Device Management offers for Zoom Phone appliances,
 * newest last. Zoom publishes them; tests do it through {@link ZpaReleases.publishFirmware} and
 * {@link ZpaReleases.publishApp}.
 */
export class ZpaReleases {
  readonly #firmware: FirmwareRelease[] = [];
  readonly #apps: string[] = [];

  /** Test hook: a firmware release becomes available. */
  publishFirmware(release: FirmwareRelease): void {
    this.#firmware.push({ ...release });
  }

  /** Test hook: a Zoom app version for appliances becomes available. */
  publishApp(version: string): void {
    this.#apps.push(version);
  }

  /** Firmware releases for a vendor's model (case-insensitive), newest first. */
  firmwareFor(vendor: string, model: string): FirmwareRelease[] {
    return this.#firmware.filter((release) => sameName(release.vendor, vendor) && sameName(release.model, model)).reverse();
  }

  /** App versions, newest first. */
  appVersions(): string[] {
    return [...this.#apps].reverse();
  }
}

/** Vendor and model names compare without regard to case (`Poly` and `poly` are one vendor). */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
