#!/usr/bin/env python3
# The Python baseline: a minimal `requests` client that lists every room, following Link rel="next" as given,
# and prints them as one JSON document (as the connector does).
# usage: python-list-rooms.py URL TOKEN
import json
import sys

import requests

url, token = sys.argv[1], sys.argv[2]
session = requests.Session()
session.headers["Authorization"] = "Bearer " + token
rooms = []
pages = 0
while url and pages < 10000:
    response = session.get(url, timeout=30)
    response.raise_for_status()
    rooms.extend(response.json()["items"])
    url = response.links.get("next", {}).get("url")
    pages += 1
json.dump({"data": rooms, "total_rooms": len(rooms)}, sys.stdout, indent=2)
