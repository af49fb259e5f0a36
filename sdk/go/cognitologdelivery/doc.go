// The log delivery of Amazon Cognito user pools: which event sources go to which CloudWatch Logs group, S3 bucket or Firehose stream, validated at preview and diffed as a set.
package cognitologdelivery
