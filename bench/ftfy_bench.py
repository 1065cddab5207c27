"""ftfy's side of `npm run bench`: one process for all of ftfy's work, timed inside Python.

stdin: JSON lines. The first is a header {"warmup": [texts]}; each next one is a job
{"id": str, "text": str, "repeat": bool}. Every job is fixed under each configuration below.
A job with "repeat" (a big corpus) is run until 1 s has passed or 3 runs are done, and its median
time is reported; the others run once (their time is summed by the caller over thousands of records).

stdout: JSON lines. First {"ftfy": version, "python": version, "configs": {name: call}}, then one line per job:
{"id": str, "outputs": {config: text}, "seconds": {config: float}}.
Exits 3 with {"error": ...} when ftfy can't be imported.
"""

import json
import statistics
import sys
import time

try:
    import ftfy
except ImportError as error:  # the bench skips ftfy with this note
    print(json.dumps({"error": f"ftfy not importable: {error}"}))
    sys.exit(3)

# Each configuration as keyword arguments of ftfy.TextFixerConfig.
CONFIG_ARGS = {
    # What a user gets from ftfy.fix_text(text).
    "default": {},
    # ftfy with the cosmetic clean-ups that unmojibake leaves off by default turned off too, so both
    # tools are asked the same question: repair damage, keep everything else (NFC stays, as the
    # corpus's expected texts are NFC).
    "repair-only": {
        "remove_terminal_escapes": False,
        "fix_latin_ligatures": False,
        "fix_character_width": False,
        "uncurl_quotes": False,
        "fix_line_breaks": False,
        "remove_control_chars": False,
    },
}
CONFIGS = {name: ftfy.TextFixerConfig(**args) for name, args in CONFIG_ARGS.items()}


def call(args: dict) -> str:
    return "TextFixerConfig(" + ", ".join(f"{key}={value!r}" for key, value in args.items()) + ")"


def main() -> None:
    stdin = sys.stdin.buffer
    header = json.loads(stdin.readline())
    for config in CONFIGS.values():
        for text in header.get("warmup", []):
            ftfy.fix_text(text, config)
    print(
        json.dumps(
            {
                "ftfy": ftfy.__version__,
                "python": sys.version.split()[0],
                "configs": {name: call(args) for name, args in CONFIG_ARGS.items()},
            }
        ),
        flush=True,
    )
    out = sys.stdout.buffer
    for line in stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        text = job["text"]
        outputs = {}
        seconds = {}
        for name, config in CONFIGS.items():
            times = []
            fixed = text
            while True:
                start = time.perf_counter()
                fixed = ftfy.fix_text(text, config)
                times.append(time.perf_counter() - start)
                if not job.get("repeat") or len(times) >= 3 or sum(times) >= 1.0:
                    break
            outputs[name] = fixed
            seconds[name] = statistics.median(times)
        report = {"id": job["id"], "outputs": outputs, "seconds": seconds}
        try:
            encoded = json.dumps(report, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: only \u escapes carry it
            encoded = json.dumps(report).encode("ascii")
        out.write(encoded + b"\n")
    out.flush()


if __name__ == "__main__":
    main()
