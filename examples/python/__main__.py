"""Message-delivery errors and threat-protection activity of an existing user pool, from
Python, through the cognito-log-delivery provider plugin.

Install the plugin next to this file with `npm install pulumi-cognito-log-delivery`
(Node.js 22 or later), the SDK with `pip install -r requirements.txt`, set the config
(`pulumi config set userPoolId eu-west-1_AbC123`, `logGroupArn`, `streamArn`), then
`pulumi up`.
"""
import pulumi
import pulumi_cognito_log_delivery as cognito_log_delivery

config = pulumi.Config()

delivery = cognito_log_delivery.UserPoolLogDelivery(
    "app-users-logs",
    user_pool_id=config.require("userPoolId"),
    log_configurations=[
        {
            "event_source": "userNotification",
            "log_level": "ERROR",
            "cloud_watch_logs_configuration": {"log_group_arn": config.require("logGroupArn")},
        },
        {
            "event_source": "userAuthEvents",
            "log_level": "INFO",
            "firehose_configuration": {"stream_arn": config.require("streamArn")},
        },
    ],
)

pulumi.export("deliveredTo", delivery.log_configurations)
pulumi.export("lastOutsideChange", delivery.last_outside_change)
