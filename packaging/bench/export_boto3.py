#!/usr/bin/env python3
"""The baseline for `fedpilot directory export`: a straightforward boto3 script that pages the same lists
sequentially (users, groups, then each group's memberships) and writes the same CSV rows.

    export_boto3.py IDENTITY_STORE_ID OUT.csv     (endpoint, region and credentials from the environment)
"""
import csv
import sys

import boto3


def pages(call, key, **kwargs):
    token = None
    while True:
        args = dict(kwargs, MaxResults=100)
        if token:
            args["NextToken"] = token
        answer = call(**args)
        yield from answer.get(key, [])
        token = answer.get("NextToken")
        if not token:
            return


def main(store_id, out):
    client = boto3.client("identitystore")
    users = list(pages(client.list_users, "Users", IdentityStoreId=store_id))
    groups = list(pages(client.list_groups, "Groups", IdentityStoreId=store_id))
    names = {u["UserId"]: u.get("UserName", "") for u in users}
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["record", "id", "userName", "displayName", "groupId", "groupName"])
        for u in users:
            w.writerow(["user", u["UserId"], u.get("UserName", ""), u.get("DisplayName", ""), "", ""])
        for g in groups:
            w.writerow(["group", g["GroupId"], "", g.get("DisplayName", ""), "", ""])
        count = 0
        for g in groups:
            for m in pages(client.list_group_memberships, "GroupMemberships", IdentityStoreId=store_id,
                           GroupId=g["GroupId"]):
                user = m.get("MemberId", {}).get("UserId", "")
                w.writerow(["membership", "", names.get(user, ""), "", g["GroupId"], g.get("DisplayName", "")])
                count += 1
    print(f"Wrote {len(users)} users, {len(groups)} groups and {count} memberships of {store_id} to {out}.")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
