/**
 * Deployment settings of the mini program: the one place to set the CloudBase environment ID
 * (see README 上线指南) and the subscription-message template IDs from 微信公众平台.
 */
export const CLOUD_ENV_ID = 'central-denmark-region-prod';

/** 订阅消息模板 ID: news updates for readers. */
export const SUBSCRIBE_TEMPLATE_NEWS = '';

/**
 * 订阅消息模板 ID: the new-enquiry alert to staff, the same template the functions send with
 * (`SUBSCRIBE_TEMPLATE_ENQUIRY`). Empty until one is approved: the staff home page then says alerts
 * are unavailable instead of asking.
 */
export const SUBSCRIBE_TEMPLATE_ENQUIRY = '';

/**
 * 订阅消息模板 ID: the office's reply to a partner's enquiry, the template the `enquiry` and
 * `admin` functions send replies with. Empty until one is approved: the enquiry pages then say
 * reply notifications are unavailable instead of asking.
 */
export const SUBSCRIBE_TEMPLATE_ENQUIRY_REPLY = '';
