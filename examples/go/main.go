// Message-delivery errors and threat-protection activity of an existing user pool, from
// Go, through the cognito-log-delivery provider plugin.
//
// Install the plugin next to this file with `npm install pulumi-cognito-log-delivery`
// (Node.js 22 or later; go.mod points the SDK at the copy it carries), set the config
// (`pulumi config set userPoolId eu-west-1_AbC123`, `logGroupArn`, `streamArn`), then
// `pulumi up`.
package main

import (
	"github.com/pulumi-cognito-log-delivery/sdk/go/cognitologdelivery"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		conf := config.New(ctx, "")
		delivery, err := cognitologdelivery.NewUserPoolLogDelivery(ctx, "app-users-logs", &cognitologdelivery.UserPoolLogDeliveryArgs{
			UserPoolId: pulumi.String(conf.Require("userPoolId")),
			LogConfigurations: cognitologdelivery.LogConfigurationArray{
				cognitologdelivery.LogConfigurationArgs{
					EventSource: pulumi.String("userNotification"),
					LogLevel:    pulumi.String("ERROR"),
					CloudWatchLogsConfiguration: &cognitologdelivery.CloudWatchLogsConfigurationArgs{
						LogGroupArn: pulumi.String(conf.Require("logGroupArn")),
					},
				},
				cognitologdelivery.LogConfigurationArgs{
					EventSource: pulumi.String("userAuthEvents"),
					LogLevel:    pulumi.String("INFO"),
					FirehoseConfiguration: &cognitologdelivery.FirehoseConfigurationArgs{
						StreamArn: pulumi.String(conf.Require("streamArn")),
					},
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("deliveredTo", delivery.LogConfigurations)
		ctx.Export("lastOutsideChange", delivery.LastOutsideChange)
		return nil
	})
}
