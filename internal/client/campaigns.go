package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// Campaigns lists the campaigns, newest first.
func (c *Client) Campaigns(ctx context.Context) ([]web.CampaignSummary, error) {
	l, err := call[web.CampaignList](ctx, c, http.MethodGet, "/api/campaigns", nil)
	return l.Campaigns, err
}

// CreateCampaign creates a campaign with its shared link.
func (c *Client) CreateCampaign(ctx context.Context, in campaigns.Input) (web.CampaignView, error) {
	return call[web.CampaignView](ctx, c, http.MethodPost, "/api/campaigns", in)
}

// Campaign returns the campaign with ID or name key (case-insensitive).
func (c *Client) Campaign(ctx context.Context, key string) (web.CampaignView, error) {
	id, err := c.campaignID(ctx, key)
	if err != nil {
		return web.CampaignView{}, err
	}
	return call[web.CampaignView](ctx, c, http.MethodGet, "/api/campaigns/"+url.PathEscape(id), nil)
}

// CloseCampaign closes the campaign with ID or name key.
func (c *Client) CloseCampaign(ctx context.Context, key string) (web.CampaignView, error) {
	id, err := c.campaignID(ctx, key)
	if err != nil {
		return web.CampaignView{}, err
	}
	return call[web.CampaignView](ctx, c, http.MethodPost, "/api/campaigns/"+url.PathEscape(id)+"/close", nil)
}

func (c *Client) campaignID(ctx context.Context, key string) (string, error) {
	list, err := c.Campaigns(ctx)
	if err != nil {
		return "", err
	}
	for _, s := range list {
		if s.ID == key || strings.EqualFold(s.Name, strings.TrimSpace(key)) {
			return s.ID, nil
		}
	}
	return "", fmt.Errorf("no campaign has the ID or name %q: %w", key, campaigns.ErrNotFound)
}
