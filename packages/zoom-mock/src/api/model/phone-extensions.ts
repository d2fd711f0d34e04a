/** Who answers on a Zoom Phone extension: a user (by email) or a common area (by name). */
export type ExtensionOwner = { kind: "user"; email: string } | { kind: "common_area"; name: string };

/**
 * Zoom Phone extension numbers and their owners, as far as appliance assignment needs them. The
 * Zoom Phone API is not part of this mock, so tests register extensions through
 * {@link PhoneExtensions.register}.
 */
export class PhoneExtensions {
  readonly #owners = new Map<string, ExtensionOwner>();

  /** Test hook: gives an extension number to a user or a common area. */
  register(extensionNumber: string, owner: ExtensionOwner): void {
    this.#owners.set(extensionNumber, { ...owner });
  }

  /** The extension's owner, if the number is in use. */
  ownerOf(extensionNumber: string): ExtensionOwner | undefined {
    return this.#owners.get(extensionNumber);
  }
}
