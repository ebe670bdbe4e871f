"""Independent pandas computation of the RavenStack event metrics (docs/examples/ravenstack-mapping.json).

Snapshot dates: month starts from the month of the earliest event (any events table) to the first
month start on or after the latest one. At date D:
  window metrics  events dated in (D - 30 days, D]
  active metrics  subscriptions with start <= D and (end blank or end > D)
Usage rows reach their account through subscriptions.subscription_id -> account_id.
Prints JSON: {"accounts", "churned", "dates", "metrics": {name: {date: {account: value}}}}; NaN -> null.
"""
import json
import math
import sys

import pandas as pd

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/ravenstack-saas"


def read(table):
    return pd.read_csv(f"{DATA}/ravenstack_{table}.csv", keep_default_na=False, na_values=[""])


accounts = read("accounts")
subs = read("subscriptions")
usage = read("feature_usage")
tickets = read("support_tickets")

for frame, cols in ((subs, ["start_date", "end_date"]), (usage, ["usage_date"]), (tickets, ["submitted_at"])):
    for c in cols:
        frame[c] = pd.to_datetime(frame[c], format="%Y-%m-%d")
for frame, cols in ((subs, ["upgrade_flag"]), (usage, ["is_beta_feature"]), (tickets, ["escalation_flag"])):
    for c in cols:
        frame[c] = frame[c].map({"True": True, "False": False, True: True, False: False})

usage = usage.merge(subs[["subscription_id", "account_id"]], on="subscription_id", how="inner")
known = set(accounts["account_id"])

first = min(subs["start_date"].min(), usage["usage_date"].min(), tickets["submitted_at"].min())
last = max(subs["start_date"].max(), usage["usage_date"].max(), tickets["submitted_at"].max())
dates = list(pd.date_range(first.replace(day=1), last + pd.offsets.MonthBegin(0), freq="MS"))
if dates[-1] < last:
    dates.append(dates[-1] + pd.offsets.MonthBegin(1))


def windowed(frame, date_col, date):
    return frame[(frame[date_col] > date - pd.Timedelta(days=30)) & (frame[date_col] <= date)]


metrics = {name: {} for name in ["tickets_30d", "escalations_30d", "csat_mean_30d", "usage_count_30d", "usage_events_30d", "arr", "active_subscriptions", "upgrades_30d"]}
for date in dates:
    key = date.strftime("%Y-%m-%d")
    t = windowed(tickets, "submitted_at", date).groupby("account_id")
    u = windowed(usage, "usage_date", date).groupby("account_id")
    s = windowed(subs, "start_date", date).groupby("account_id")
    active = subs[(subs["start_date"] <= date) & (subs["end_date"].isna() | (subs["end_date"] > date))].groupby("account_id")
    series = {
        "tickets_30d": t.size(),
        "escalations_30d": t["escalation_flag"].sum(),
        "csat_mean_30d": t["satisfaction_score"].mean(),
        "usage_count_30d": u["usage_count"].sum(),
        "usage_events_30d": u.size(),
        "arr": active["arr_amount"].sum(),
        "active_subscriptions": active.size(),
        "upgrades_30d": s["upgrade_flag"].sum(),
    }
    for name, values in series.items():
        # Accounts without events: 0 for counts and sums, missing for means.
        default = None if name == "csat_mean_30d" else 0
        out = {}
        for account in known:
            v = values.get(account, default)
            out[account] = None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
        metrics[name][key] = out

json.dump(
    {
        "accounts": len(accounts),
        "churned": sorted(accounts.loc[accounts["churn_flag"].astype(str) == "True", "account_id"]),
        "dates": [d.strftime("%Y-%m-%d") for d in dates],
        "metrics": metrics,
    },
    sys.stdout,
)
