#!/usr/bin/env python3
"""`fedpilot directory export` against moto, timed side by side with a boto3 script that pages the same lists
sequentially in its own process, and (for scale) the AWS CLI called once per page, one process per call.

From the project root, after `mvn -o -q -B compile dependency:build-classpath -Dmdep.includeScope=runtime
-Dmdep.outputFile=target/runtime-classpath.txt`:

    packaging/bench/export_benchmark.py [--rounds 5] [--aws-cli-rounds 1] [--users 2000] [--groups 200] [--members 30]

Starts moto_server on a free loopback port, seeds one identity store (boto3, threads), then runs the variants
interleaved round by round (order alternating), each in a fresh process with the wall time measured from
process start to exit (JVM start included). Writes target/benchmarks/export.md and prints it.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto():
    port = free_port()
    proc = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/moto-api/data.json", timeout=2)
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("moto_server did not start")


def seed(env, users, groups, members):
    session = boto3.session.Session(aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
                                    aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"], region_name=env["AWS_REGION"])
    admin = session.client("sso-admin", endpoint_url=env["AWS_ENDPOINT_URL"])
    store_id = admin.list_instances()["Instances"][0]["IdentityStoreId"]
    client = session.client("identitystore", endpoint_url=env["AWS_ENDPOINT_URL"])

    def user(i):
        return client.create_user(IdentityStoreId=store_id, UserName=f"user{i:05d}@example.com",
                                  DisplayName=f"User {i}", Name={"GivenName": "User", "FamilyName": str(i)},
                                  Emails=[{"Value": f"user{i:05d}@example.com", "Type": "work", "Primary": True}]
                                  )["UserId"]

    def group(i):
        return client.create_group(IdentityStoreId=store_id, DisplayName=f"group-{i:04d}")["GroupId"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        user_ids = list(pool.map(user, range(users)))
        group_ids = list(pool.map(group, range(groups)))
        pairs = [(g, user_ids[(gi * members + k) % users]) for gi, g in enumerate(group_ids) for k in range(members)]
        list(pool.map(lambda p: client.create_group_membership(IdentityStoreId=store_id, GroupId=p[0],
                                                                MemberId={"UserId": p[1]}), pairs))
    return store_id


def timed(command, env, out):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed, result.stdout.strip()


def aws_cli_export(env, store_id, sample_groups):
    """One `aws` process per API call, as a shell script paging with --no-paginate would. With sample_groups,
    only that many groups' member lists are read and the time is extrapolated linearly to all groups."""
    calls = 0

    def pages(operation, key, *extra):
        nonlocal calls
        token = None
        while True:
            command = ["aws", "identitystore", operation, "--identity-store-id", store_id, *extra,
                       "--max-results", "100", "--no-paginate", "--output", "json"]
            if token:
                command += ["--next-token", token]
            answer = json.loads(subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE).stdout)
            calls += 1
            yield from answer.get(key, [])
            token = answer.get("NextToken")
            if not token:
                return

    start = time.perf_counter()
    users = list(pages("list-users", "Users"))
    groups = list(pages("list-groups", "Groups"))
    listing = time.perf_counter() - start
    sample = groups if not sample_groups else groups[:sample_groups]
    start = time.perf_counter()
    count = sum(1 for g in sample for _ in pages("list-group-memberships", "GroupMemberships",
                                                 "--group-id", g["GroupId"]))
    members = (time.perf_counter() - start) * len(groups) / max(1, len(sample))
    note = "" if len(sample) == len(groups) else (f", member lists of {len(sample)} groups timed and scaled to "
                                                  f"{len(groups)} (extrapolated)")
    return listing + members, (f"{len(users)} users, {len(groups)} groups, {count} memberships read in {calls} "
                               f"processes{note}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--aws-cli-rounds", type=int, default=1)
    parser.add_argument("--aws-cli-groups", type=int, default=0,
                        help="time the AWS CLI on this many groups' member lists and scale (0: all)")
    parser.add_argument("--java-options", default="-XX:TieredStopAtLevel=1 -XX:MaxGCPauseMillis=20",
                        help="the packaged app's JVM options (packaging/jpackage/launcher.args)")
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--members", type=int, default=30)
    parser.add_argument("--classpath-file", default=str(ROOT / "target" / "runtime-classpath.txt"))
    args = parser.parse_args()

    classpath = str(ROOT / "target" / "classes") + os.pathsep + pathlib.Path(args.classpath_file).read_text().strip()
    java = shutil.which("java") if not os.environ.get("JAVA_HOME") else os.path.join(os.environ["JAVA_HOME"],
                                                                                       "bin", "java")
    moto, url = start_moto()
    home = pathlib.Path(tempfile.mkdtemp(prefix="fedpilot-bench-"))
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8", "AWS_ENDPOINT_URL": url,
           "AWS_ACCESS_KEY_ID": "AKIABENCHMARK", "AWS_SECRET_ACCESS_KEY": "benchmark", "AWS_REGION": "us-east-1",
           "AWS_DEFAULT_REGION": "us-east-1",
           "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": ""}
    try:
        t0 = time.perf_counter()
        store_id = seed(env, args.users, args.groups, args.members)
        print(f"seeded {store_id} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        variants = {
            "fedpilot": lambda out: timed([java, *args.java_options.split(), f"-Duser.home={home}", "-cp", classpath,
                                           "dev.fedpilot.Main",
                                           "directory", "export", "--format", "csv", "--out", out], env, out),
            "boto3": lambda out: timed([sys.executable, str(HERE / "export_boto3.py"), store_id, out], env, out),
        }
        times = {name: [] for name in variants}
        lines = {}
        for round_no in range(args.rounds + 1):  # round 0 warms caches (page cache, moto) and is not counted
            order = list(variants) if round_no % 2 == 0 else list(reversed(variants))
            for name in order:
                elapsed, line = variants[name](str(home / f"{name}.csv"))
                lines[name] = line
                if round_no > 0:
                    times[name].append(elapsed)
                print(f"round {round_no} {name}: {elapsed:.2f} s", file=sys.stderr)
        cli_times = []
        for _ in range(args.aws_cli_rounds):
            elapsed, line = aws_cli_export(env, store_id, args.aws_cli_groups)
            lines["aws CLI"] = line
            cli_times.append(elapsed)
            print(f"aws CLI: {elapsed:.1f} s", file=sys.stderr)
        if cli_times:
            times["aws CLI"] = cli_times
    finally:
        moto.terminate()
        moto.wait(10)
        shutil.rmtree(home, ignore_errors=True)

    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"] * 3
    report = [f"Identity store: {args.users} users, {args.groups} groups, {args.members} members each, moto "
              f"on 127.0.0.1; {args.rounds} counted rounds; FedPilot JVM options `{args.java_options}`; load "
              f"average at the end {' '.join(load)}; {os.cpu_count()} CPUs.", "",
              "| Variant | Median | Min | Max | Runs | Output |", "|---|---|---|---|---|---|"]
    for name, values in times.items():
        report.append(f"| {name} | {statistics.median(values):.2f} s | {min(values):.2f} s | {max(values):.2f} s "
                      f"| {len(values)} | {lines[name]} |")
    text = "\n".join(report) + "\n"
    target = ROOT / "target" / "benchmarks"
    target.mkdir(parents=True, exist_ok=True)
    (target / "export.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
