/** Words of a subject or topic, lowercased, without punctuation, a plural `s` dropped. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 1)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));

/** Whether a request's subject is about a topic: every word of the topic appears in the subject. */
export const subjectMatchesTopic = (subject: string, topic: string): boolean => {
  const inSubject = new Set(words(subject));
  const needed = words(topic);
  return needed.length > 0 && needed.every((w) => inSubject.has(w));
};

export interface PublishedTopic {
  readonly topic: string;
  readonly url: string;
}

/** The published pages a request's subject is about, one per topic (the latest page for it). */
export const suggestionsFor = (subject: string, published: readonly PublishedTopic[]): PublishedTopic[] => {
  const byTopic = new Map<string, PublishedTopic>();
  for (const p of published)
    if (subjectMatchesTopic(subject, p.topic)) byTopic.set(p.topic, { topic: p.topic, url: p.url });
  return [...byTopic.values()];
};
