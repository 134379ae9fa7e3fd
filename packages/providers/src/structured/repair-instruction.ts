/** The follow-up message of the one repair retry: what was wrong, and what to send instead. */
export function repairInstruction(reason: string): string {
  return [
    `Your previous answer could not be used: ${reason}.`,
    'Reply again with only the corrected JSON object, matching the required schema exactly, and nothing else.',
  ].join('\n');
}
