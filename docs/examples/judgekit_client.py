"""Call a `judgekit serve` grading service from Python, with the standard library only.

    from judgekit_client import JudgekitClient, transcript_from_inspect

    client = JudgekitClient("http://127.0.0.1:8787", api_key=os.environ.get("JUDGEKIT_API_KEY"))
    verdicts = client.grade(transcript, graders=["rules.covert-action"])

Run as a script to grade a transcript file:
    JUDGEKIT_API_KEY=... python3 judgekit_client.py --url http://127.0.0.1:8787 \
        --graders rules.covert-action transcript.json
"""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request


class JudgekitError(Exception):
    """The service refused a request: HTTP `status`, error `code` and `message`."""

    def __init__(self, status, code, message, retry_after=None):
        super().__init__(f"judgekit service answered {status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after


class JudgekitClient:
    """A client of the judgekit grading service (`judgekit serve`)."""

    def __init__(self, base_url="http://127.0.0.1:8787", api_key=None, timeout=120.0):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    def _request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"accept": "application/json"}
        if data is not None:
            headers["content-type"] = "application/json"
        if self.api_key:
            headers["authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            try:
                detail = json.loads(error.read().decode("utf-8")).get("error", {})
            except ValueError:
                detail = {}
            raise JudgekitError(
                error.code,
                detail.get("code", "http_error"),
                detail.get("message", str(error.reason)),
                error.headers.get("retry-after"),
            ) from None

    def health(self):
        """True when the service answers /healthz."""
        return self._request("GET", "/healthz").get("status") == "ok"

    def graders(self):
        """The graders the service offers: dicts with name, id, version, kind, dimensions."""
        return self._request("GET", "/v1/graders")["graders"]

    def grade(self, transcript, graders=None):
        """Grades one transcript; returns its verdicts (one per grader and dimension)."""
        body = {"transcript": transcript}
        if graders:
            body["graders"] = list(graders)
        return self._request("POST", "/v1/grade", body)["results"][0]["verdicts"]

    def grade_batch(self, transcripts, graders=None):
        """Grades several transcripts in one request; returns [{transcriptId, verdicts}] in order."""
        body = {"transcripts": list(transcripts)}
        if graders:
            body["graders"] = list(graders)
        return self._request("POST", "/v1/grade", body)["results"]


def _content_parts(content):
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    parts = []
    for part in content or []:
        kind = part.get("type")
        if kind == "text":
            parts.append({"type": "text", "text": part.get("text", "")})
        elif kind == "reasoning":
            parts.append({"type": "reasoning", "text": part.get("reasoning") or part.get("summary") or "",
                          **({"redacted": True} if part.get("redacted") else {})})
        else:
            parts.append({"type": "text", "text": f"[{kind}]"})
    return parts


def transcript_from_inspect(sample_id, messages, epoch=1, task="inspect", metadata=None):
    """A judgekit transcript from Inspect chat messages as dicts (`[m.model_dump() for m in state.messages]`)."""
    converted = []
    for message in messages:
        item = {"role": message["role"], "content": _content_parts(message.get("content"))}
        if message["role"] == "assistant" and message.get("tool_calls"):
            item["toolCalls"] = [
                {"id": call["id"], "name": call["function"], "arguments": call.get("arguments") or {}}
                for call in message["tool_calls"]
            ]
        if message["role"] == "tool":
            if message.get("tool_call_id"):
                item["toolCallId"] = message["tool_call_id"]
            if message.get("function"):
                item["name"] = message["function"]
            if message.get("error"):
                item["isError"] = True
        converted.append(item)
    transcript = {
        "id": f"{task}/{sample_id}/epoch{epoch}",
        "environment": task,
        "messages": converted,
        "source": {"harness": "inspect", "sampleId": sample_id, "epoch": epoch},
    }
    if metadata:
        transcript["metadata"] = metadata
    return transcript


def inspect_score_fields(verdicts):
    """`value`, `answer`, `explanation` and `metadata` for an Inspect `Score` from a grader's verdicts:
    value 1 when any verdict flags its dimension, 0 when none does, NaN when none decided."""
    decided = [v for v in verdicts if v.get("label") is not None and not v.get("error")]
    flagged = [v for v in decided if v["label"]]
    lines = []
    for verdict in verdicts:
        status = "failed" if verdict.get("error") else {True: "flagged", False: "not flagged", None: "abstained"}[verdict.get("label")]
        lines.append(f"{verdict['grader']['name']} on {verdict['dimension']}: {status}")
        if verdict.get("rationale"):
            lines.append(f"  {verdict['rationale']}")
        for evidence in verdict.get("evidence", [])[:5]:
            lines.append(f"  message {evidence['messageIndex']}: \"{evidence['quote']}\"")
    return {
        "value": (1 if flagged else 0) if decided else float("nan"),
        "answer": ", ".join(sorted({v.get("category") or v["dimension"] for v in flagged})) or None,
        "explanation": "\n".join(lines),
        "metadata": {"verdicts": verdicts},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Grade a judgekit transcript file with a judgekit service.")
    parser.add_argument("transcript", help="a JSON file holding one judgekit transcript")
    parser.add_argument("--url", default=os.environ.get("JUDGEKIT_URL", "http://127.0.0.1:8787"))
    parser.add_argument("--graders", default=None, help="comma-separated grader names (default: all offered)")
    arguments = parser.parse_args(argv)
    with open(arguments.transcript, encoding="utf-8") as handle:
        transcript = json.load(handle)
    client = JudgekitClient(arguments.url, api_key=os.environ.get("JUDGEKIT_API_KEY"))
    graders = arguments.graders.split(",") if arguments.graders else None
    try:
        verdicts = client.grade(transcript, graders)
    except JudgekitError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps(verdicts, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
