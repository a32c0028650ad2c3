"""FastAPI app of the OpenAI emulator: `POST /v1/chat/completions`, `GET /v1/models`.

Endpoints implemented: chat completions (with `response_format` json_schema), models list.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from autoresponder.emulators.openai.state import EmulatorState

ENDPOINTS = ("POST /v1/chat/completions", "GET /v1/models")


def _tokens(text: str) -> int:
    return max(1, len(text) // 4)


def create_app(state: EmulatorState, api_key: str) -> FastAPI:
    app = FastAPI(title="openai-emulator")

    def authorised(request: Request) -> bool:
        return request.headers.get("authorization", "") == f"Bearer {api_key}"

    @app.get("/v1/models")
    async def models(request: Request) -> Any:
        if not authorised(request):
            return JSONResponse({"error": {"message": "invalid api key", "type": "invalid_request_error"}}, 401)
        return {"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model", "owned_by": "emulator"}]}

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Any:
        if not authorised(request):
            return JSONResponse({"error": {"message": "invalid api key", "type": "invalid_request_error"}}, 401)
        body = await request.json()
        fault = state.record(body)
        if fault == "429":
            return JSONResponse({"error": {"message": "rate limited", "type": "rate_limit_error"}}, 429,
                                headers={"retry-after": "0"})
        if fault == "500":
            return JSONResponse({"error": {"message": "server error", "type": "server_error"}}, 500)
        if fault == "timeout":
            await asyncio.sleep(state.timeout_s)
            return PlainTextResponse("too late", 504)
        messages = body.get("messages") or []
        user = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "user")
        prompt = "\n".join(str(m.get("content", "")) for m in messages)
        rf = body.get("response_format") or {}
        schema_name = (rf.get("json_schema") or {}).get("name", "classification")
        content = "{not json" if fault == "malformed" else state.answer(schema_name, user)
        pt, ct = _tokens(prompt), _tokens(content)
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model", "gpt-4o-mini"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct},
        }

    return app
