/** Error bodies in each provider's format. */
export function errorBody(
  style: 'openai' | 'anthropic',
  status: number,
  message: string,
): Record<string, unknown> {
  if (style === 'anthropic') {
    return { type: 'error', error: { type: anthropicErrorType(status), message } };
  }
  return {
    error: {
      message,
      type: openAIErrorType(status),
      param: null,
      code: status === 429 ? 'rate_limit_exceeded' : null,
    },
  };
}

function anthropicErrorType(status: number): string {
  if (status === 400) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status === 529) return 'overloaded_error';
  return 'api_error';
}

function openAIErrorType(status: number): string {
  if (status === 401) return 'invalid_request_error';
  if (status === 429) return 'requests';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}
