/**
 * English function words that carry little meaning on their own. Kept short on purpose: words
 * such as "not", "never" or "without" change what a values card says, so they stay in.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
  "be", "because", "been", "being", "but", "by",
  "can", "could",
  "did", "do", "does", "doing",
  "each", "even",
  "for", "from",
  "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
  "i", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its",
  "just",
  "me", "might", "more", "most", "my",
  "of", "on", "onto", "or", "other", "our", "ours",
  "she", "should", "so", "some", "such",
  "than", "that", "that's", "the", "their", "theirs", "them", "then", "there", "these", "they",
  "this", "those", "to", "too",
  "up", "us",
  "very",
  "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
  "with", "would",
  "you", "your", "yours",
]);

/** Whether a lowercase token is a stop word. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}
