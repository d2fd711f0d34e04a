import type { ElementOf, RequestBodyOf } from "./request-bodies.js";

/** The bodies of `PATCH .../registrants/questions` for meetings, webinars and recordings. */
type QuestionsBody = NonNullable<
  RequestBodyOf<"meetingRegistrantQuestionUpdate" | "webinarRegistrantQuestionUpdate" | "recordingRegistrantQuestionUpdate">
>;

/** A standard registration field and whether it is required. */
export type RegistrationQuestion = ElementOf<QuestionsBody["questions"]>;

/** A question the host wrote. */
export type CustomRegistrationQuestion = ElementOf<QuestionsBody["custom_questions"]>;

/** What `GET/PATCH .../registrants/questions` carry. */
export interface RegistrationQuestionsInput {
  questions?: RegistrationQuestion[];
  custom_questions?: CustomRegistrationQuestion[];
}

/**
 * The registration form of meetings and webinars, keyed `meeting:<id>` / `webinar:<id>`: which
 * standard fields are asked (first name and email always are, so they are not listed) and the
 * host's own questions. A PATCH replaces the parts it names.
 */
export class RegistrationQuestions {
  readonly #byKey = new Map<string, Required<RegistrationQuestionsInput>>();

  /** `GET .../registrants/questions`. */
  get(key: string): Required<RegistrationQuestionsInput> {
    return structuredClone(this.#byKey.get(key) ?? { questions: [], custom_questions: [] });
  }

  /** `PATCH .../registrants/questions`. */
  update(key: string, input: RegistrationQuestionsInput): void {
    const current = this.get(key);
    this.#byKey.set(key, {
      questions: structuredClone(input.questions ?? current.questions),
      custom_questions: structuredClone(input.custom_questions ?? current.custom_questions),
    });
  }
}
