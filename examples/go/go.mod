module cognito-log-delivery-go

go 1.26.6

require (
	github.com/pulumi-cognito-log-delivery/sdk/go v0.1.0
	github.com/pulumi/pulumi/sdk/v3 v3.276.0
)

// The SDK as the npm package carries it, until it is published.
replace github.com/pulumi-cognito-log-delivery/sdk/go => ./node_modules/pulumi-cognito-log-delivery/sdk/go
